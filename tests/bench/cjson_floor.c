/* cjson_floor.c: the floor of reading NDJSON with our parser: every line of
 * every file named parsed by cJSON and freed, nothing else (one core).
 * Prints the lines parsed and the bytes read.  Built and run by
 * tests/bench/peers.sh. */
#define _POSIX_C_SOURCE 200809L
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
	unsigned long long lines = 0, bad = 0, bytes = 0;
	char *line = NULL;
	size_t cap = 0;
	int i;

	for (i = 1; i < argc; i++) {
		FILE *fp = fopen(argv[i], "rb");
		long n;

		if (!fp) {
			perror(argv[i]);
			return 1;
		}
		while ((n = (long)getline(&line, &cap, fp)) > 0) {
			cJSON *root = cJSON_ParseWithLength(line, (size_t)n);

			bytes += (unsigned long long)n;
			lines++;
			bad += root == NULL;
			cJSON_Delete(root);
		}
		fclose(fp);
	}
	free(line);
	printf("%llu lines (%llu not JSON), %llu bytes\n", lines, bad, bytes);
	return bad != 0;
}
