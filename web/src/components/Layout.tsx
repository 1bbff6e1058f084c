import type { ReactNode } from "react";
import { Link, NavLink, useLocation, useNavigate } from "react-router-dom";
import { ErrorBoundary } from "./ErrorBoundary";
import { useSession } from "../lib/session";

/** The page frame: the header with navigation and, while it is in use, the offline announcement. */
export function Layout({ children }: { children: ReactNode }) {
  const { user, server, signOut } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
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
            <NavLink to="/services">Services</NavLink>
            <NavLink to="/activity">Activity</NavLink>
            <NavLink to="/tokens">API tokens</NavLink>
            <span className="muted who" title={user.email}>{user.username}</span>
            <button
              type="button"
              className="link"
              onClick={async () => {
                // leave the page first: signing in again, maybe as someone else, starts afresh
                navigate("/sign-in", { replace: true });
                await signOut();
              }}
            >
              Sign out
            </button>
          </nav>
        )}
      </header>
      {user && server?.offlinePlanner && <OfflineBanner />}
      <main id="main">
        <ErrorBoundary resetKey={location.pathname}>{children}</ErrorBoundary>
      </main>
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
