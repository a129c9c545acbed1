/** Claims and freshness: sources for check-worthy sentences, agreement with the fact register, dates not past. */
export { checkClaims, type ClaimsCheckInput } from './check-claims.js';
export { factSchema, type Fact } from './fact.js';
export { localMoment, type LocalMoment } from './zoned-time.js';
