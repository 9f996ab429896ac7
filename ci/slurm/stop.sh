#!/usr/bin/env bash
# Stops the test cluster started by start.sh (by pid file, not by name).
SLURM_DIR=${SLURM_DIR:-/tmp/assay-slurm}
for f in "$SLURM_DIR/slurmd.pid" "$SLURM_DIR/slurmctld.pid"; do
  [ -s "$f" ] && kill "$(cat "$f")" 2>/dev/null || true
done
