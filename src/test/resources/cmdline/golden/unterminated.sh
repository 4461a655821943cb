linux umid=u 'con0=fd:0,fd:1
