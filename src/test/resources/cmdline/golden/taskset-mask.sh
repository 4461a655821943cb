taskset 0x3b linux mem=256M umid=tm ubd0=root.img root=/dev/ubda con=null con0=fd:0,fd:1
