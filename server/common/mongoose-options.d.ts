/** mongoose's own options for the object it sends to the driver on insert (its lib/options.js). */
declare module 'mongoose/lib/options' {
  export const internalToObjectOptions: import('mongoose').ToObjectOptions;
}
