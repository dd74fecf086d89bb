"""How a service asks for a background job: `job_enqueue("<task name>", *args)`.

Services name the task instead of importing its module, so tasks (which call services) and services never
import each other. The job is recorded in the caller's transaction (the outbox, hrportal.jobs.models) and
sent once that transaction commits; a rolled-back write queues nothing, and a job the broker could not take
is sent by the relay when it is back. See docs/architecture.md, "Failure behaviour".
"""

from hrportal.jobs.services import heartbeat, job_enqueue, job_task

__all__ = ["heartbeat", "job_enqueue", "job_task"]
