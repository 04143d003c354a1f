import { randomUUID } from 'node:crypto';
import type { JWTPayload } from 'jose';
import type { HttpRequest } from './http-client';

export interface BadRequest {
  name: string;
  path: string;
  request: HttpRequest;
}

const valid = { email: 'valid-shape@example.com', password: 'Correct-Horse-Battery-9', name: 'Valid Name' };
const long = (n: number) => 'x'.repeat(n);
const json = (body: unknown): HttpRequest => ({ method: 'POST', json: body });
const raw = (body: string | Buffer, contentType = 'application/json'): HttpRequest => ({ method: 'POST', raw: body, headers: { 'content-type': contentType } });

/** Malformed bodies for the public auth routes: none may change anything. */
export function malformedAuthBodies(): BadRequest[] {
  const register = (name: string, request: HttpRequest): BadRequest => ({ name: `register: ${name}`, path: '/auth/register', request });
  const login = (name: string, request: HttpRequest): BadRequest => ({ name: `login: ${name}`, path: '/auth/login', request });
  const refresh = (name: string, request: HttpRequest): BadRequest => ({ name: `refresh: ${name}`, path: '/auth/refresh', request });
  return [
    register('empty object', json({})),
    register('missing email', json({ password: valid.password, name: valid.name })),
    register('missing password', json({ email: valid.email, name: valid.name })),
    register('missing name', json({ email: valid.email, password: valid.password })),
    register('extra field asking for a role', json({ ...valid, roles: ['admin'] })),
    register('extra __proto__ key', raw(`{"email":"${valid.email}","password":"${valid.password}","name":"n","__proto__":{"admin":true}}`)),
    register('email as a number', json({ ...valid, email: 42 })),
    register('password as an object', json({ ...valid, password: { $gt: '' } })),
    register('name as an array', json({ ...valid, name: ['a'] })),
    register('email null', json({ ...valid, email: null })),
    register('body is an array', json([valid])),
    register('body is a string', json('register me')),
    register('body is null', raw('null')),
    register('truncated JSON', raw('{"email":"a@example.com","password":')),
    register('trailing comma', raw(`{"email":"${valid.email}",}`)),
    register('single quotes', raw("{'email':'a@example.com'}")),
    register('empty body declared as JSON', raw('')),
    register('JSON as text/plain', raw(JSON.stringify(valid), 'text/plain')),
    register('form-encoded', raw('email=a%40example.com&password=x&name=y', 'application/x-www-form-urlencoded')),
    register('oversized body (2 MiB)', json({ ...valid, name: long(2 * 1024 * 1024) })),
    register('10k-character email', json({ ...valid, email: `${long(10_000)}@example.com` })),
    register('10k-character name', json({ ...valid, name: long(10_000) })),
    register('NUL in the name', json({ ...valid, name: 'Eve\u0000Admin' })),
    register('NUL in the email', json({ ...valid, email: 'eve\u0000@example.com' })),
    register('lone surrogate in the name', json({ ...valid, name: 'Eve \ud800' })),
    register('lone surrogate in the email', json({ ...valid, email: 'eve\udc00@example.com' })),
    register('RTL override in the email', json({ ...valid, email: 'eve\u202e@example.com' })),
    register('RTL override in the name', json({ ...valid, name: 'Eve \u202eAdmin' })),
    register('left-to-right isolate in the name', json({ ...valid, name: 'Eve \u2066Admin' })),
    register('emoji in the email', json({ ...valid, email: '😀@example.com' })),
    register('email without a domain', json({ ...valid, email: 'eve@' })),
    register('weak password', json({ ...valid, password: 'password' })),
    register('deeply nested JSON', raw(`${'['.repeat(5_000)}${']'.repeat(5_000)}`)),
    login('empty object', json({})),
    login('password missing', json({ email: valid.email })),
    login('email as a number', json({ email: 1, password: valid.password })),
    login('extra field', json({ email: valid.email, password: valid.password, admin: true })),
    login('invalid JSON', raw('{"email"')),
    login('10k-character password', json({ email: valid.email, password: long(10_000) })),
    refresh('empty object', json({})),
    refresh('refresh token as a number', json({ refreshToken: 12345 })),
    refresh('unknown refresh token', json({ refreshToken: randomUUID() })),
    refresh('10k-character refresh token', json({ refreshToken: long(10_000) })),
  ];
}

export interface TokenForgery {
  /** Tokens signed with identity's real key, with these claims. */
  realKey: (claims: JWTPayload, header?: Record<string, unknown>) => Promise<string>;
  /** A genuine access token of a buyer, to tamper with. */
  genuine: string;
  /** The key id identity signs with. */
  kid: string;
}

/** Every way of presenting a token that must not authenticate. */
export async function forgedTokens(forge: TokenForgery): Promise<{ name: string; authorization: string }[]> {
  const { generateKeyPairSync, createHmac, randomBytes } = await import('node:crypto');
  const { SignJWT } = await import('jose');
  const now = Math.floor(Date.now() / 1000);
  const [header, payload, signature] = forge.genuine.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as JWTPayload;
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const admin = { ...claims, roles: ['admin'] };
  const hs256 = (secret: Buffer | string) => {
    const head = b64({ alg: 'HS256', typ: 'JWT', kid: forge.kid });
    const body = b64(admin);
    return `${head}.${body}.${createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url')}`;
  };
  const foreign = generateKeyPairSync('ed25519').privateKey;
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
  const bearer = (token: string) => `Bearer ${token}`;
  return [
    { name: 'no scheme', authorization: forge.genuine },
    { name: 'Basic scheme', authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}` },
    { name: 'empty bearer', authorization: 'Bearer ' },
    { name: 'not a JWT', authorization: bearer('abc') },
    { name: 'three parts of garbage', authorization: bearer('a.b.c') },
    { name: '10k-character token', authorization: bearer(`${header}.${'A'.repeat(10_000)}.${signature}`) },
    { name: 'alg none', authorization: bearer(`${b64({ alg: 'none', typ: 'JWT' })}.${b64(admin)}.`) },
    { name: 'alg none with the real kid', authorization: bearer(`${b64({ alg: 'none', typ: 'JWT', kid: forge.kid })}.${b64(admin)}.`) },
    { name: 'HS256 signed with a random secret', authorization: bearer(hs256(randomBytes(32))) },
    { name: 'HS256 signed with the public key as secret', authorization: bearer(hs256(forge.kid)) },
    { name: 'ES256 under the real kid', authorization: bearer(await new SignJWT(admin).setProtectedHeader({ alg: 'ES256', kid: forge.kid }).sign(ec)) },
    { name: 'EdDSA with an unknown kid', authorization: bearer(await new SignJWT(admin).setProtectedHeader({ alg: 'EdDSA', kid: randomUUID() }).sign(foreign)) },
    { name: 'EdDSA with the real kid, foreign key', authorization: bearer(await new SignJWT(admin).setProtectedHeader({ alg: 'EdDSA', kid: forge.kid }).sign(foreign)) },
    { name: 'payload tampered to admin', authorization: bearer(`${header}.${b64(admin)}.${signature}`) },
    { name: 'signature removed', authorization: bearer(`${header}.${payload}.`) },
    { name: 'expired (real key)', authorization: bearer(await forge.realKey({ ...claims, iat: now - 3600, exp: now - 1800 })) },
    { name: 'not yet valid (real key)', authorization: bearer(await forge.realKey({ ...claims, nbf: now + 3600, exp: now + 7200 })) },
    { name: 'wrong issuer (real key)', authorization: bearer(await forge.realKey({ ...claims, iss: 'someone-else' })) },
    { name: 'wrong audience (real key)', authorization: bearer(await forge.realKey({ ...claims, aud: 'another-api' })) },
    { name: 'no expiry (real key)', authorization: bearer(await forge.realKey({ ...claims, exp: undefined })) },
  ];
}
