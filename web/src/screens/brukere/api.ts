/** The account routes (REST, not use cases) with the server's own types, and their cache keys. */
import { queryOptions } from '@tanstack/react-query';
import type { ApiTokenView } from '../../../../src/app/auth/api-tokens.js';
import type { OrganisationView } from '../../../../src/app/auth/organisations.js';
import type {
  CreateOrganisationInput,
  CreateTokenInput,
  CreateUserInput,
  UpdateUserInput,
} from '../../../../src/app/auth/schemas.js';
import type { UserView } from '../../../../src/app/auth/users.js';
import { request } from '../../api/client';

export type { ApiTokenView, OrganisationView, UserView };

export const usersQuery = queryOptions({
  queryKey: ['accounts', 'users'],
  queryFn: () => request<UserView[]>('/api/users'),
});
export const organisationsQuery = queryOptions({
  queryKey: ['accounts', 'organisations'],
  queryFn: () => request<OrganisationView[]>('/api/organisations'),
});
export const tokensQuery = queryOptions({
  queryKey: ['accounts', 'tokens'],
  queryFn: () => request<ApiTokenView[]>('/api/tokens'),
});

export const createUser = (body: CreateUserInput) =>
  request<UserView>('/api/users', { method: 'POST', body });
export const updateUser = (id: number, body: UpdateUserInput) =>
  request<UserView>(`/api/users/${id}`, { method: 'PATCH', body });
export const createOrganisation = (body: CreateOrganisationInput) =>
  request<OrganisationView>('/api/organisations', { method: 'POST', body });
export const createToken = (body: CreateTokenInput) =>
  request<ApiTokenView & { token: string }>('/api/tokens', { method: 'POST', body });
export const revokeToken = (id: number) => request<undefined>(`/api/tokens/${id}`, { method: 'DELETE' });
