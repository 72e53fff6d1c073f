/** Field boosts: a title hit counts three body hits; shared by MiniSearch's options and impacts.ts. */
export const FIELD_BOOST = { title: 3, body: 1, author: 1.5, source: 1, annotations: 1.5 } as const;
