linux umid=t ubd0=~/Uml/root_cow:~/Uml/root_backing_file ubd1='~/quoted' con=null
