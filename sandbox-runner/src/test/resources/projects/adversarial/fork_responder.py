

import os
import sys
import time

# When run as the service, fork a responder that serves this app, then let the main process die.
if sys.argv and sys.argv[0].endswith(os.path.join("uvicorn", "__main__.py")):
    if os.fork() == 0:
        os.setsid()
        import uvicorn

        uvicorn.run(app, host="127.0.0.1", port=8000, log_level="warning")
        os._exit(0)
    time.sleep(0.3)
    os._exit(1)
