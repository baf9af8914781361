import type { CommonListingValues } from '../commonListingFields';

/**
 * What each group of listing form fields receives. `set` is declared as a method so an offer's or
 * a demand's setter (whose values extend the common ones) fits the common sections too.
 */
export interface SectionProps<V = CommonListingValues> {
  idPrefix: string;
  values: V;
  set<F extends keyof V>(field: F, value: V[F]): void;
  errorFor: (name: string) => string | undefined;
}
