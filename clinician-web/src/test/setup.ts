// jsdom has no matchMedia; the Helsenorge design system's components ask it for the breakpoint.
// Answers "no match" (the narrow-screen default) unless a test stubs it otherwise.
if (typeof window.matchMedia !== 'function') {
  window.matchMedia = (query: string): MediaQueryList =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }) as MediaQueryList;
}
