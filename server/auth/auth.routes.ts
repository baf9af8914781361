import type { Request, Response } from 'express';
import passport from 'passport';
import type { ApiRouter } from '../common/api-router';
import { AppError } from '../common/errors';
import type { SessionUser } from '../common/session-user';
import {
  acceptedResponse,
  changePasswordSchema,
  loginSchema,
  mePatchSchema,
  passwordResetConfirmSchema,
  passwordResetRequestSchema,
  registerSchema,
  userResponse,
} from './auth.schemas';
import { changePassword, loadSessionUser, register, updateMe } from './auth.service';
import { confirmPasswordReset, requestPasswordReset } from './password-reset.service';
import { SESSION_COOKIE } from './session';
import {
  isQuietlyLimited,
  loginRateLimiters,
  passwordChangeRateLimiter,
  passwordResetRateLimiters,
  registerRateLimiter,
  type AuthRateLimits,
} from './auth-rate-limits';
import type { AppContext } from '../context';

function logIn(req: Request, user: SessionUser): Promise<void> {
  // passport >= 0.6 regenerates the session id here, so a fixed session id cannot be reused.
  return new Promise((resolve, reject) => req.login(user, (err) => (err ? reject(err) : resolve())));
}

function authenticateLocal(req: Request, res: Response): Promise<SessionUser | false> {
  return new Promise((resolve, reject) => {
    passport.authenticate('local', (err: unknown, user: SessionUser | false) =>
      err ? reject(err) : resolve(user),
    )(req, res, () => undefined);
  });
}

export function registerAuthRoutes(api: ApiRouter, ctx: AppContext): void {
  const tag = 'auth';
  const { config, bus } = ctx;
  const limits: AuthRateLimits = {
    loginPerEmail: config.loginRateLimit,
    loginPerIp: config.loginIpRateLimit,
    registerPerIp: config.registerRateLimit,
    passwordResetPerEmail: config.passwordResetRateLimit,
    passwordResetPerIp: config.passwordResetIpRateLimit,
  };
  api.add({
    method: 'post',
    path: '/auth/register',
    tag,
    summary: 'Create an account with a new organization, or ask to join an existing one',
    access: 'public',
    before: [registerRateLimiter(limits)],
    body: registerSchema,
    status: 201,
    response: userResponse,
    handler: async ({ body, req }) => {
      const user = await register(body);
      await logIn(req, user);
      return { user };
    },
  });

  api.add({
    method: 'post',
    path: '/auth/login',
    tag,
    summary: 'Sign in with email and password; sets the session cookie',
    access: 'public',
    before: loginRateLimiters(limits),
    body: loginSchema,
    response: userResponse,
    handler: async ({ body, req, res }) => {
      req.body = body;
      const user = await authenticateLocal(req, res);
      if (!user) throw AppError.unauthenticated('Email or password is incorrect');
      await logIn(req, user);
      return { user };
    },
  });

  api.add({
    method: 'post',
    path: '/auth/logout',
    tag,
    summary: 'Sign out and end the session',
    access: 'public',
    status: 204,
    handler: async ({ req, res, maybeUser }) => {
      const sessionId = req.sessionID;
      await new Promise<void>((resolve, reject) => req.logout((err) => (err ? reject(err) : resolve())));
      await new Promise<void>((resolve) => req.session?.destroy(() => resolve()) ?? resolve());
      res.clearCookie(SESSION_COOKIE, { path: '/' });
      if (maybeUser)
        bus.publish('user.sessions_ended', { userId: maybeUser.id, sessionId, reason: 'signed_out' });
    },
  });

  api.add({
    method: 'get',
    path: '/auth/me',
    tag,
    summary: 'The signed-in user',
    access: 'user',
    response: userResponse,
    handler: ({ user }) => ({ user }),
  });

  api.add({
    method: 'patch',
    path: '/auth/me',
    tag,
    summary: 'Change your name, language or notification settings',
    access: 'user',
    body: mePatchSchema,
    response: userResponse,
    handler: async ({ user, body }) => ({ user: await updateMe(user, body) }),
  });

  api.add({
    method: 'post',
    path: '/auth/password',
    tag,
    summary:
      'Change your password (the current one must be right: 400 naming currentPassword); your other sessions end, this one stays',
    access: 'user',
    before: [passwordChangeRateLimiter(limits)],
    body: changePasswordSchema,
    response: userResponse,
    handler: async ({ user, body, req }) => {
      const ended = await changePassword(user, body, req.sessionID);
      for (const sessionId of ended)
        bus.publish('user.sessions_ended', { userId: user.id, sessionId, reason: 'password_changed' });
      const fresh = await loadSessionUser(user.id);
      if (!fresh) throw AppError.notFound('User');
      return { user: fresh };
    },
  });

  api.add({
    method: 'post',
    path: '/auth/password-reset',
    tag,
    summary:
      'Ask for a password reset link by mail; the same 202 whatever the email (a link goes only to a known account, within its rate limit)',
    access: 'public',
    before: passwordResetRateLimiters(limits),
    body: passwordResetRequestSchema,
    status: 202,
    response: acceptedResponse,
    handler: async ({ body, req }) => {
      await requestPasswordReset(config, body.email, { limited: isQuietlyLimited(req) });
      return { ok: true };
    },
  });

  api.add({
    method: 'post',
    path: '/auth/password-reset/confirm',
    tag,
    summary:
      "Set a new password with a reset link's token (once; expired, used or unknown: 400 naming token); ends every session of the account and signs nobody in",
    access: 'public',
    body: passwordResetConfirmSchema,
    response: acceptedResponse,
    handler: async ({ body }) => {
      const { userId } = await confirmPasswordReset(body.token, body.newPassword);
      bus.publish('user.sessions_ended', { userId, reason: 'password_changed' });
      return { ok: true };
    },
  });
}
