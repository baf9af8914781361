import { useEffect } from 'react';
import { useLocation } from 'react-router-dom';

/** A new page starts at its top; anchors (`/#how-it-works`) scroll to their target instead. */
export function ScrollToTop() {
  const { pathname, hash } = useLocation();
  useEffect(() => {
    if (hash) {
      document.getElementById(hash.slice(1))?.scrollIntoView();
      return;
    }
    window.scrollTo(0, 0);
  }, [pathname, hash]);
  return null;
}
