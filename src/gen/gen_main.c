/* gen_main.c: placeholder for the estate generator (being built). */
#include <stdio.h>

int main(void)
{
	fputs("estate-gen: not built yet\n", stderr);
	return 70;
}
