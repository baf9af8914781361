/** Wraps a search engine so that every call that fails is counted by operation. */
import type { SearchEngine } from '../../search';
import { searchErrors } from './registry';

export function countSearchErrors(engine: SearchEngine): SearchEngine {
  return new Proxy(engine, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      const operation = String(property);
      return (...args: unknown[]) => {
        try {
          const result = (value as (...a: unknown[]) => unknown).apply(target, args);
          if (result instanceof Promise) {
            return result.catch((err: unknown) => {
              searchErrors.inc({ operation });
              throw err;
            });
          }
          return result;
        } catch (err) {
          searchErrors.inc({ operation });
          throw err;
        }
      };
    },
  });
}
