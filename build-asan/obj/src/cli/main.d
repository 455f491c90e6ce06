build-asan/obj/src/cli/main.o: src/cli/main.c include/dyad.h
include/dyad.h:
