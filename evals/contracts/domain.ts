import { z } from 'zod';

/** The four skill domains of the built-in suites. Imported results may add their own, hence the open string below. */
export const BUILT_IN_DOMAINS = ['arithmetic', 'commonsense', 'olympiad', 'algorithmic'] as const;
export const DomainSchema = z.string().regex(/^[a-z][a-z0-9-]*$/, 'a domain is lower-case letters, digits and dashes');
export type Domain = z.infer<typeof DomainSchema>;

export const TierSchema = z.enum(['easy', 'hard']);
export type Tier = z.infer<typeof TierSchema>;
