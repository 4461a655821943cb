mem=256M umid=ao ubd0=root.img con=null con0=fd:0,fd:1
