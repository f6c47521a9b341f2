# nbgrader_config.py for a course made from this repository: copy it into the folder where you run
# nbgrader (the course folder, which holds source/<assignment>/ with the notebooks of solutions/).
# It needs coursekit installed in the Python that runs nbgrader (and in the kernel it grades with).
from coursekit.grading.for_nbgrader import generate_assignment_preprocessors

c = get_config()  # noqa: F821 - nbgrader defines it when it reads this file

# Quiz answer cells are released as `answer("id", ...)  # replace ... with your answer`, as
# `coursekit release` writes them, instead of nbgrader's `raise NotImplementedError()`.
c.GenerateAssignment.preprocessors = generate_assignment_preprocessors()

# Exercises 11 and 12 train small models: give a cell up to 300 seconds (nbgrader allows 30).
c.Execute.timeout = 300
