/** The account routes appear in the OpenAPI document with their schemas and security schemes. */
import { describe, expect, it } from 'vitest';
import { authRoutes } from '../../src/adapters/http/routes/auth.js';
import type { AuthDeps } from '../../src/app/auth/deps.js';

describe('OpenAPI document of the account routes', () => {
  it('lists every route with request and response schemas', () => {
    // Building the document touches no database.
    const doc = authRoutes({ clock: () => new Date(0) } as unknown as AuthDeps).getOpenAPI31Document({
      openapi: '3.1.0',
      info: { title: 'styr', version: 'test' },
    });
    const paths = doc.paths ?? {};
    expect(Object.keys(paths).sort()).toEqual([
      '/api/auth/login',
      '/api/auth/logout',
      '/api/auth/me',
      '/api/auth/oidc/callback',
      '/api/auth/oidc/login',
      '/api/auth/providers',
      '/api/calendar-feeds',
      '/api/calendar-feeds/{id}',
      '/api/organisations',
      '/api/tokens',
      '/api/tokens/{id}',
      '/api/users',
      '/api/users/{id}',
    ]);
    expect(Object.keys(paths['/api/users/{id}'] ?? {})).toEqual(['patch']);
    expect(paths['/api/tokens/{id}']?.delete?.parameters).toEqual([
      expect.objectContaining({ name: 'id', in: 'path', required: true }),
    ]);
    const login = paths['/api/auth/login']?.post;
    expect(JSON.stringify(login?.requestBody)).toMatch(/"username"/);
    expect(Object.keys(login?.responses ?? {})).toEqual(expect.arrayContaining(['200', '401', '429']));
    expect(Object.keys(doc.components?.securitySchemes ?? {}).sort()).toEqual(['bearer', 'session']);
    expect(Object.keys(doc.components?.schemas ?? {})).toEqual(
      expect.arrayContaining(['Me', 'User', 'Organisation', 'ApiToken', 'CreatedApiToken']),
    );
  });
});
