/**
 * Small Norwegian words that the readers treat as glue between content words. Each reader adds the
 * few words its own layout needs; the common core lives here so the lists do not drift apart.
 */

/** Prepositions and conjunctions that open or join a phrase: "til Helse- og omsorgsdepartementet". */
export const LINKING_WORDS = ['av', 'og', 'i', 'til', 'for', 'med', 'om', 'på', 'fra', 'ved'] as const;
