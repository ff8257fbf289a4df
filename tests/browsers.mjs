// The flags every headless Chromium in the tests and benchmarks starts with: no sandbox (the
// build machine runs as root), no GPU, and none of the background traffic (QUIC, component
// updates, sync) that would blur the network watch or the timings.
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
