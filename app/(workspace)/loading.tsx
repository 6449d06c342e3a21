import { LoadingState } from '@/app/_components/states';

export default function Loading() {
  return <LoadingState />;
}
