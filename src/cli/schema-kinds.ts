// The kinds of rule file `quantum schema` describes, without loading zod (rules-commands.ts holds their schemas).
export const SCHEMA_KINDS = ['article', 'codes', 'parameters', 'recidive', 'aggravations', 'minors', 'repentis', 'cumulation', 'speciality'] as const;
export type SchemaKind = (typeof SCHEMA_KINDS)[number];
