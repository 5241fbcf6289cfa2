/* fuzz-replay.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fuzz-replay"

#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include <glib.h>

/* Replays a fuzz corpus through any fuzz-*.c harness as an ordinary GTest,
 * so the corpus runs in every build, with or without clang. Link it with
 * one harness:
 *
 *   fuzz-csv-replay [GTEST-OPTION…] FILE-OR-DIRECTORY…
 *
 * Directories are walked recursively, skipping hidden entries, and each
 * file becomes a test case named "/fuzz/replay/" plus its path below the
 * argument it was found through, e.g. "/fuzz/replay/csv/bom.csv".
 */

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* Optional in a harness, as under libFuzzer. */
int LLVMFuzzerInitialize (int    *argc,
                          char ***argv) __attribute__((weak));

typedef struct
{
  char *file;
  char *name;
} Input;

static void
input_free (gpointer data)
{
  Input *input = data;

  g_free (input->file);
  g_free (input->name);
  g_free (input);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
collect_inputs (const char *file,
                const char *name,
                GPtrArray  *inputs)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) children = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *child;

  if (!g_file_test (file, G_FILE_TEST_IS_DIR))
    {
      Input *input = g_new0 (Input, 1);

      input->file = g_strdup (file);
      input->name = g_strdup (name);
      g_ptr_array_add (inputs, input);
      return;
    }

  dir = g_dir_open (file, 0, &error);
  if (dir == NULL)
    g_error ("%s", error->message);

  children = g_ptr_array_new_with_free_func (g_free);
  while ((child = g_dir_read_name (dir)) != NULL)
    {
      if (child[0] != '.')
        g_ptr_array_add (children, g_strdup (child));
    }

  /* Sorted, so each file keeps its test number from run to run. */
  g_ptr_array_sort (children, compare_strings);

  for (guint i = 0; i < children->len; i++)
    {
      const char *base = g_ptr_array_index (children, i);
      g_autofree char *child_file = g_build_filename (file, base, NULL);
      g_autofree char *child_name = g_strconcat (name, "/", base, NULL);

      collect_inputs (child_file, child_name, inputs);
    }
}

static void
test_replay (gconstpointer data)
{
  const Input *input = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *exact = NULL;
  gsize length;

  g_file_get_contents (input->file, &contents, &length, &error);
  g_assert_no_error (error);

  /* A buffer of exactly the file's size, without the NUL that
   * g_file_get_contents() adds, so ASan sees any read past the end.
   */
  exact = g_memdup2 (contents, length);
  LLVMFuzzerTestOneInput ((const uint8_t *) exact, length);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) inputs = NULL;
  g_autoptr(GHashTable) names = NULL;

  g_test_init (&argc, &argv, NULL);

  if (argc < 2)
    {
      g_printerr ("Usage: %s [GTEST-OPTION…] FILE-OR-DIRECTORY…\n", g_get_prgname ());
      return EXIT_FAILURE;
    }

  if (LLVMFuzzerInitialize != NULL)
    LLVMFuzzerInitialize (&argc, &argv);

  inputs = g_ptr_array_new_with_free_func (input_free);
  for (int i = 1; i < argc; i++)
    {
      g_autofree char *base = g_path_get_basename (argv[i]);
      g_autofree char *name = g_strconcat ("/fuzz/replay/", base, NULL);

      collect_inputs (argv[i], name, inputs);
    }

  /* GTest rejects two cases with one path, as two arguments could give. */
  names = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < inputs->len; i++)
    {
      Input *input = g_ptr_array_index (inputs, i);

      if (!g_hash_table_add (names, input->name))
        {
          char *unique = g_strdup_printf ("%s#%u", input->name, i);

          g_free (input->name);
          input->name = unique;
          g_hash_table_add (names, input->name);
        }

      g_test_add_data_func (input->name, input, test_replay);
    }

  return g_test_run ();
}
