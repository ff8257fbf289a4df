#!/usr/bin/env bash
# The learning curve: trains the learned layer on 25, 50 and 100 % of data/train/ (the fixed
# shuffle of `tools/train.py --fraction`), builds the CLI with each model, and scores each
# build with SCORER, a command that takes a built CLI as its last argument (for example the
# sealed scorer, ../shared/eval/sealed/score). Without SCORER it prints only the out-of-fold
# figures make train prints. Works in a temporary git worktree of HEAD, so the checkout's
# data/model/ is never touched.
#
#   tools/learning-curve.sh [SCORER...]
set -euo pipefail

root=$(git rev-parse --show-toplevel)
work=$(mktemp -d)
trap 'git -C "$root" worktree remove --force "$work/tree" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git -C "$root" worktree add --quiet --detach "$work/tree" HEAD >/dev/null
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}/learning-curve"
cli="$CARGO_TARGET_DIR/release/chaperone"

cd "$work/tree"
# Features come from the detectors, which do not depend on the model: one build serves all.
cargo build --release --quiet --bin chaperone
for fraction in 0.25 0.5 1; do
  echo "== ${fraction} of data/train"
  python3 tools/train.py "$cli" --out data/model --fraction "$fraction" |
    grep -E '^(tau|out of fold|held out)'
  cargo build --release --quiet --bin chaperone
  if [ $# -gt 0 ]; then "$@" "$cli"; fi
done
