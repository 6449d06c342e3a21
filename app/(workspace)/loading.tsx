import { LoadingState } from '../_components/states';

export default function Loading() {
  return <LoadingState />;
}
