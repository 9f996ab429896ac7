#!/usr/bin/env bash
# Starts a one-node Slurm cluster on this host for tests: installs slurm + munge from Debian if
# missing, writes slurm.conf for this host, creates a munge key, and starts munged, slurmctld and
# slurmd as root without systemd (containers have no init). Idempotent: rerunning with the
# daemons up only waits for the node to be idle.
set -euo pipefail

SLURM_DIR=${SLURM_DIR:-/tmp/assay-slurm}
CONF=/etc/slurm/slurm.conf
HOST=$(hostname -s)

if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v munged >/dev/null || ! command -v sbatch >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # slurmctld/slurmd/slurm-client rather than the slurm-wlm metapackage: fewer dependencies.
  apt-get install -y -qq --no-install-recommends slurmctld slurmd slurm-client munge >/dev/null
fi

mkdir -p "$SLURM_DIR"/{ctld,d,log} /etc/slurm /etc/munge /var/run/munge /var/lib/munge /var/log/munge

# munge: one key for this host; munged refuses group/other-accessible keys.
if [ ! -s /etc/munge/munge.key ]; then
  dd if=/dev/urandom bs=1 count=1024 of=/etc/munge/munge.key status=none
fi
chown -R munge:munge /etc/munge /var/run/munge /var/lib/munge /var/log/munge 2>/dev/null || true
chmod 0700 /etc/munge; chmod 0400 /etc/munge/munge.key
if ! pgrep -x munged >/dev/null; then
  if id munge >/dev/null 2>&1; then
    su -s /bin/sh munge -c "munged --force" || munged --force
  else
    munged --force
  fi
fi

CPUS=$(nproc)
# RealMemory must not exceed what slurmd detects (MB); leave headroom.
MEM_MB=$(( $(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 - 512 ))

cat > "$CONF" <<CONF
ClusterName=assay
SlurmctldHost=$HOST
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
StateSaveLocation=$SLURM_DIR/ctld
SlurmdSpoolDir=$SLURM_DIR/d
SlurmctldPidFile=$SLURM_DIR/slurmctld.pid
SlurmdPidFile=$SLURM_DIR/slurmd.pid
SlurmctldLogFile=$SLURM_DIR/log/slurmctld.log
SlurmdLogFile=$SLURM_DIR/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
MpiDefault=none
SwitchType=switch/none
SlurmctldTimeout=30
SlurmdTimeout=30
InactiveLimit=0
MinJobAge=300
KillWait=5
Waittime=0
NodeName=$HOST CPUs=$CPUS RealMemory=$MEM_MB State=UNKNOWN
PartitionName=debug Nodes=$HOST Default=YES MaxTime=INFINITE State=UP
CONF
# Debian's tools also look here.
[ -e /etc/slurm-llnl ] || ln -s /etc/slurm /etc/slurm-llnl 2>/dev/null || true

if ! pgrep -x slurmctld >/dev/null; then slurmctld; fi
if ! pgrep -x slurmd >/dev/null; then slurmd; fi

for i in $(seq 1 60); do
  state=$(sinfo -h -N -o '%T' 2>/dev/null | head -1 || true)
  case "$state" in
    idle|mixed|allocated) echo "slurm: node $HOST is $state"; exit 0 ;;
    down*|drain*) scontrol update NodeName="$HOST" State=RESUME 2>/dev/null || true ;;
  esac
  sleep 1
done
echo "slurm: node $HOST did not become idle; logs in $SLURM_DIR/log" >&2
sinfo -N -l >&2 || true
exit 1
