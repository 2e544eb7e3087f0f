import logging

LOG = logging.getLogger(__name__)


def print_ensembl(resource_type, genome_build=None):
    # The reference genome's build ('37', '38') and files named after it: the same for every patient.
    builds = [genome_build] if genome_build else ["37", "38"]
    LOG.info("Fetching ensembl %s, build: %s", resource_type, ",".join(builds))
    for build in builds:
        file_name = f"ensembl_{resource_type}_{build}.txt"
        LOG.info(f"{file_name} file saved to disk.")


def align(sample, reference_genome, genome_assembly):
    LOG.info("aligning to %s (%s)", reference_genome, genome_assembly)
    # A patient's own genome and genotype calls are still PHI.
    LOG.info("genome of sample", extra={"sample_id": sample.id})
    LOG.debug("genotype", extra={"sample_id": sample.id})
