import { Navigate, Route, Routes, useLocation } from "react-router-dom";
import { Layout } from "./components/Layout";
import { useSession } from "./lib/session";
import { SignInPage, SignUpPage } from "./pages/SignIn";
import { ProjectsPage } from "./pages/Projects";
import { ProjectPage } from "./pages/Project";
import { RunPage } from "./pages/Run";
import { TokensPage } from "./pages/Tokens";
import { ActivityPage } from "./pages/Activity";
import { ServicesPage } from "./pages/Services";
import type { ReactNode } from "react";

function RequireUser({ children }: { children: ReactNode }) {
  const { user } = useSession();
  const location = useLocation();
  if (user === undefined) return <p className="muted centered">Loading…</p>;
  if (user === null) {
    return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
  }
  return <>{children}</>;
}

export function App() {
  return (
    <Layout>
      <Routes>
        <Route path="/sign-in" element={<SignInPage />} />
        <Route path="/sign-up" element={<SignUpPage />} />
        <Route path="/" element={<RequireUser><ProjectsPage /></RequireUser>} />
        <Route path="/projects/:projectId" element={<RequireUser><ProjectPage /></RequireUser>} />
        <Route path="/runs/:runId/*" element={<RequireUser><RunPage /></RequireUser>} />
        <Route path="/tokens" element={<RequireUser><TokensPage /></RequireUser>} />
        <Route path="/activity" element={<RequireUser><ActivityPage /></RequireUser>} />
        <Route path="/services" element={<RequireUser><ServicesPage /></RequireUser>} />
        <Route path="*" element={<p className="centered">No such page. <a href="/">Projects</a></p>} />
      </Routes>
    </Layout>
  );
}
