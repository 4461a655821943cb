package org.umlmanager.cli;

import java.io.PrintWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.umlmanager.cmdline.Problem;
import org.umlmanager.network.NetworkException;
import org.umlmanager.service.NetworkRefusedException;
import org.umlmanager.storage.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/** Turns every failure into one line on stderr and an exit status; never a stack trace. */
final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {

    /** Something the user can fix: wrong name, bad argument, unreadable file. */
    static final int USER_ERROR = 2;
    /** Something went wrong while doing what was asked. */
    static final int FAILURE = 1;

    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandler.class);

    private final PrintWriter err;

    ErrorHandler(PrintWriter err) {
        this.err = err;
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        err.println("error: " + e.getMessage() + " (see '" + command.getCommandSpec().qualifiedName()
                + " --help')");
        err.flush();
        return USER_ERROR;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parseResult) {
        int status;
        if (e instanceof StoreException) {
            err.println("error: " + e.getMessage());
            status = USER_ERROR;
        } else if (e instanceof NetworkRefusedException refused) {
            for (Problem p : refused.problems()) {
                err.println("error: " + p.field() + " " + p.subject() + ": " + p.message());
            }
            status = USER_ERROR;
        } else if (e instanceof NetworkException n) {
            err.println("error: " + n.getMessage());
            status = n.userFixable() ? USER_ERROR : FAILURE;
        } else {
            LOG.debug("{} failed", command.getCommandSpec().qualifiedName(), e);
            err.println("error: " + command.getCommandSpec().qualifiedName() + " failed: " + describe(e));
            status = FAILURE;
        }
        err.flush();
        return status;
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
