import { useState, type FormEvent } from "react";
import { Link, useLocation, useNavigate } from "react-router-dom";
import { api } from "../lib/api";
import { useSession } from "../lib/session";
import type { User } from "../lib/types";
import { ErrorNote } from "../components/ErrorNote";
import { useAction } from "../lib/useAction";

function useAfterSignIn() {
  const { signedIn } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? "/";
  return (user: User) => {
    signedIn(user);
    navigate(from.startsWith("/") && !from.startsWith("//") ? from : "/", { replace: true });
  };
}

export function SignInPage() {
  const [login, setLogin] = useState("");
  const [password, setPassword] = useState("");
  const { busy, error, run } = useAction();
  const done = useAfterSignIn();

  async function submit(event: FormEvent) {
    event.preventDefault();
    await run(async () => done(await api.post<User>("/api/auth/sign-in", { login, password })));
  }

  return (
    <section className="card narrow">
      <h1>Sign in</h1>
      <form onSubmit={submit}>
        <label>
          Username or email
          <input name="login" autoComplete="username" required value={login} onChange={(e) => setLogin(e.target.value)} />
        </label>
        <label>
          Password
          <input name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        <ErrorNote error={error} />
        <button type="submit" disabled={busy}>Sign in</button>
      </form>
      <p className="muted">
        New here? <Link to="/sign-up">Create an account</Link>
      </p>
    </section>
  );
}

export function SignUpPage() {
  const [username, setUsername] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const { busy, error, run } = useAction();
  const done = useAfterSignIn();

  async function submit(event: FormEvent) {
    event.preventDefault();
    await run(async () => {
      await api.post<User>("/api/auth/sign-up", { username, email, password });
      done(await api.post<User>("/api/auth/sign-in", { login: username, password }));
    });
  }

  return (
    <section className="card narrow">
      <h1>Create an account</h1>
      <form onSubmit={submit}>
        <label>
          Username
          <input name="username" autoComplete="username" required pattern="[A-Za-z0-9][A-Za-z0-9._\-]{2,39}" title="3 to 40 letters, digits, '.', '_' or '-'" value={username} onChange={(e) => setUsername(e.target.value)} />
        </label>
        <label>
          <span>Email <span className="muted">(optional)</span></span>
          <input name="email" type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label>
          Password
          <input name="password" type="password" autoComplete="new-password" required minLength={10} maxLength={200} value={password} onChange={(e) => setPassword(e.target.value)} />
          <small className="muted">10 to 200 characters.</small>
        </label>
        <ErrorNote error={error} />
        <button type="submit" disabled={busy}>Create account</button>
      </form>
      <p className="muted">
        Have an account? <Link to="/sign-in">Sign in</Link>
      </p>
    </section>
  );
}
