import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from "react";
import { api, ApiError } from "./api";
import type { ServerInfo, User } from "./types";

interface Session {
  /** undefined while asking the server, null when nobody is signed in */
  user: User | null | undefined;
  server: ServerInfo | null;
  signedIn(user: User): void;
  signOut(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const [server, setServer] = useState<ServerInfo | null>(null);

  useEffect(() => {
    api
      .get<User>("/api/me")
      .then(setUser)
      .catch((failure) => {
        if (failure instanceof ApiError && failure.status === 401) setUser(null);
        else setUser(null);
      });
  }, []);

  useEffect(() => {
    if (!user) return;
    api.get<ServerInfo>("/api/server").then(setServer, () => setServer(null));
  }, [user]);

  const signedIn = useCallback((u: User) => setUser(u), []);
  const signOut = useCallback(async () => {
    try {
      await api.post("/api/auth/sign-out");
    } finally {
      setUser(null);
      setServer(null);
    }
  }, []);

  return (
    <SessionContext.Provider value={{ user, server, signedIn, signOut }}>
      {children}
    </SessionContext.Provider>
  );
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession outside SessionProvider");
  return session;
}
