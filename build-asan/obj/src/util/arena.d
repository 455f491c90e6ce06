build-asan/obj/src/util/arena.o: src/util/arena.c src/util/util.h \
 include/dyad.h
src/util/util.h:
include/dyad.h:
