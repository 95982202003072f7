#!/usr/bin/env bash
# Sourced by install.sh, test.sh and start.sh: puts a supported Node.js (>= 22) first on PATH. Where the
# machine's is older, Node.js 24 LTS comes from the npm registry's `node` package, which ships the
# binary (node_modules/node/bin/node) and its headers, into .lienthong/node, once.
# Usage: . scripts/node-env.sh   (from the repository root)
lienthong_node_prefix="$PWD/.lienthong/node"
lienthong_node_bin="$lienthong_node_prefix/node_modules/node/bin"

lienthong_node_major() { "${1:-node}" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(lienthong_node_major "$lienthong_node_bin/node")" != 24 ] &&
  [ "$(lienthong_node_major)" -lt 22 ]; then
  echo "Node.js $(node --version 2>/dev/null || echo missing) is older than 22: installing Node.js 24 LTS into .lienthong/node" >&2
  npm install --no-save --no-audit --no-fund --loglevel=error --prefix "$lienthong_node_prefix" node@24 >&2
  if [ "$(lienthong_node_major "$lienthong_node_bin/node")" != 24 ]; then
    echo "the node@24 package did not leave a Node.js 24 at $lienthong_node_bin/node" >&2
    return 1 2>/dev/null || exit 1
  fi
fi
if [ -x "$lienthong_node_bin/node" ] && [ "$(lienthong_node_major)" -lt 22 ]; then
  export PATH="$lienthong_node_bin:$PATH"
  # node-gyp builds native modules (node-rdkafka) against the headers the package ships, not a download.
  for lienthong_node_dir in "$lienthong_node_prefix"/node_modules/node/node_modules/node-*/; do
    [ -f "$lienthong_node_dir/include/node/common.gypi" ] && export npm_config_nodedir="$lienthong_node_dir"
  done
fi
unset lienthong_node_prefix lienthong_node_bin lienthong_node_dir
