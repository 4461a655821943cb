exec env LANG=C 'MY VAR'=x /opt/uml/linux-6.1 'umid=with space' "ubd0=/srv/a b.img" con=null con0=fd:0,fd:1 'it'\''s' 2>/dev/null
