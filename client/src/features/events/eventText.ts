/** An event's words in the interface language: English when the operator gave them. */
import type { Locale } from '@contract/enums';
import type { FairEvent } from './eventTypes';

export function eventTitle(event: FairEvent, locale: Locale): string {
  return (locale === 'en' && event.titleEn) || event.title;
}

export function eventDescription(event: FairEvent, locale: Locale): string {
  return (locale === 'en' && event.descriptionEn) || event.description;
}
