build-asan/obj/src/util/util.o: src/util/util.c src/util/util.h \
 include/dyad.h
src/util/util.h:
include/dyad.h:
