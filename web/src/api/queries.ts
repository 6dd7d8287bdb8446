/** TanStack Query bindings for the use cases: one cache key scheme, so a change can invalidate reads. */
import { queryOptions, useQuery, keepPreviousData } from '@tanstack/react-query';
import { callUseCase, fetchMe, type UseCaseInput, type UseCaseName } from './client';

export const meQuery = queryOptions({ queryKey: ['me'], queryFn: fetchMe, staleTime: 60_000, retry: false });

export function useCaseQuery<N extends UseCaseName>(name: N, input: UseCaseInput<N>) {
  return queryOptions({
    queryKey: ['use-case', name, input] as const,
    queryFn: ({ signal }) => callUseCase(name, input, signal),
    placeholderData: keepPreviousData,
  });
}

/** Reads one use case; the result stays on screen while new filters load (no flicker). */
export function useUseCase<N extends UseCaseName>(name: N, input: UseCaseInput<N>) {
  return useQuery(useCaseQuery(name, input));
}
