/**
 * Zod's own messages in Norwegian (bokmål), for the few fields whose schema gives no message of its
 * own: a validation error reaches the user as a problem+json `detail` or a CLI message, and those are
 * Norwegian. Imported for its effect by errors.ts, which every entry point loads.
 */
import { z } from 'zod';

z.config(z.locales.no());
