#!/usr/bin/env bash
# Shared by every sbatch script here: checks the environment, prints where the task runs, and runs alchemy.
# ALCHEMY: the command that runs the CLI, e.g. "$HOME/AudioAlchemy/alchemy" (builds on first use) or
#          "/shared/alchemy-bin/alchemy" (a `dotnet publish` output; recommended on a cluster: no build per task).
set -euo pipefail
: "${ALCHEMY:?set ALCHEMY to the alchemy command (see deploy/slurm/README.md)}"
read -r -a ALC <<< "$ALCHEMY"
# One .NET temp/home per task (never a shared global temp folder that one task could delete under another).
export TMPDIR="${SLURM_TMPDIR:-${TMPDIR:-/tmp}}/alchemy-${SLURM_JOB_ID:-$$}"
mkdir -p "$TMPDIR"
trap 'rm -rf "$TMPDIR"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 ALCHEMY_SKIP_APT=1
echo "alchemy task ${SLURM_ARRAY_JOB_ID:-${SLURM_JOB_ID:-local}}_${SLURM_ARRAY_TASK_ID:-} of ${SLURM_ARRAY_TASK_COUNT:-1} on $(hostname) with ${SLURM_CPUS_PER_TASK:-1} CPUs (restart ${SLURM_RESTART_COUNT:-0}): $*"
"${ALC[@]}" "$@"
