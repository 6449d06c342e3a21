// Tenure bands as select options, from the same definition the server validates against.
import { TENURE_BANDS, TENURE_LABELS } from '@/server/lib/tenure';

export const TENURE_OPTIONS = TENURE_BANDS.map((band) => ({ value: band, label: TENURE_LABELS[band] }));
export { TENURE_LABELS };
