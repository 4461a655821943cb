sudo -E -u uml TMPDIR=/dev/shm linux mem=256M umid=su ubd0=root.img root=/dev/ubda con=null con0=fd:0,fd:1 hostfs=/srv/share
