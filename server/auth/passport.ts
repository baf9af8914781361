import passport from 'passport';
import { Strategy as LocalStrategy } from 'passport-local';
import { authenticate, loadSessionUser } from './auth.service';
import type { SessionUser } from '../common/session-user';

let configured = false;

/** Registers the local strategy and the session (de)serialisers once per process. */
export function configurePassport(): typeof passport {
  if (configured) return passport;
  configured = true;
  passport.use(
    new LocalStrategy(
      { usernameField: 'email', passwordField: 'password', session: true },
      (email, password, done) => {
        authenticate(email, password).then(
          (user) => done(null, user ?? false),
          (err) => done(err),
        );
      },
    ),
  );
  passport.serializeUser((user, done) => done(null, (user as SessionUser).id));
  passport.deserializeUser((id: string, done) => {
    loadSessionUser(id).then(
      (user) => done(null, user ?? false),
      (err) => done(err),
    );
  });
  return passport;
}
