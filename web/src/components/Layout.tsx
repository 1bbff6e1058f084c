import type { ReactNode } from "react";
import { Link, NavLink, useNavigate } from "react-router-dom";
import { useSession } from "../lib/session";

/** The page frame: the header with navigation and, while it is in use, the offline announcement. */
export function Layout({ children }: { children: ReactNode }) {
  const { user, server, signOut } = useSession();
  const navigate = useNavigate();
  return (
    <>
      <a className="skip" href="#main">Skip to content</a>
      <header className="top">
        <Link to="/" className="brand" aria-label="Forgeflow home">
          forgeflow
        </Link>
        {user && (
          <nav aria-label="Main">
            <NavLink to="/" end>Projects</NavLink>
            <NavLink to="/tokens">API tokens</NavLink>
            <span className="muted who" title={user.email}>{user.username}</span>
            <button
              type="button"
              className="link"
              onClick={async () => {
                await signOut();
                navigate("/sign-in");
              }}
            >
              Sign out
            </button>
          </nav>
        )}
      </header>
      {user && server?.offlinePlanner && <OfflineBanner />}
      <main id="main">{children}</main>
    </>
  );
}

export function OfflineBanner() {
  return (
    <div className="banner" role="status" data-testid="offline-banner">
      <strong>offline planner — no model configured.</strong> Runs are planned and reviewed by
      Forgeflow's deterministic planner; name resources with their fields, e.g. “books (title,
      author, price: float)”.
    </div>
  );
}
