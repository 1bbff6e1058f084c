import { Component, type ReactNode } from "react";

/** A screen that fails to render shows what happened and a way on, never a blank page. */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey?: string }, { failure: Error | null }> {
  state = { failure: null as Error | null };

  static getDerivedStateFromError(failure: Error) {
    return { failure };
  }

  componentDidUpdate(previous: { resetKey?: string }) {
    if (previous.resetKey !== this.props.resetKey && this.state.failure) this.setState({ failure: null });
  }

  render() {
    if (this.state.failure) {
      return (
        <section className="card" role="alert">
          <h1>This screen could not be shown</h1>
          <p className="muted">{this.state.failure.message}</p>
          <p>
            <a href={window.location.pathname}>Reload it</a> or go back to the <a href="/">projects</a>.
          </p>
        </section>
      );
    }
    return this.props.children;
  }
}
