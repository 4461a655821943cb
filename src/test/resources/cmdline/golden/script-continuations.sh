#!/bin/sh
# start my guest
set -e
cd /srv/uml
TMPDIR=/dev/shm taskset -c 0-1 ./linux \
  mem=512M umid=web1 \
  ubd0=web1.cow,debian.img \
  "con0=fd:0,fd:1" con=null \
  hostfs=/srv/uml/share \
  init=/bin/sh > web1.log 2>&1 &
