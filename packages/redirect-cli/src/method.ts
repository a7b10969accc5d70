import { z } from 'zod';

/** zod schema of `--method`: an RFC 9110 §9 token such as `POST` (case kept as given). */
export const methodSchema = z
  .string()
  .regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, { error: 'the method must be a token such as POST' });
