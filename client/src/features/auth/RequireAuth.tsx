import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { Loading } from '../../ui/Loading';
import { useAuth } from './authContext';

/** Routes inside need a signed-in user; others go to the login page and come back after. */
export function RequireAuth() {
  const { status } = useAuth();
  const location = useLocation();
  if (status === 'loading') return <Loading />;
  if (status === 'signedOut') {
    const next = location.pathname + location.search;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <Outlet />;
}
